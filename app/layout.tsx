import type { Metadata, Viewport } from "next";
import "./fonts.css";
import "./globals.css";
import { publicUrl } from "@/lib/env";
import { getLanguage } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: { default: "Urgent Letters", template: "%s · Urgent Letters" },
    description: "Write to the officials who can act for a human rights defender at risk.",
    // Share images and links in the page's head are absolute addresses on the public site.
    metadataBase: new URL(publicUrl()),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const language = await getLanguage();
  return (
    <html lang={language}>
      <body>{children}</body>
    </html>
  );
}
