import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
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
  // The admin is in English whatever the visitor's language (its pages say so again on their own frame).
  const path = (await headers()).get("x-ul-url") ?? "";
  const language = path === "/admin" || path.startsWith("/admin/") || path.startsWith("/admin?") ? "en" : await getLanguage();
  return (
    <html lang={language}>
      <body>{children}</body>
    </html>
  );
}
