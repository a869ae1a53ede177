import type { Metadata, Viewport } from "next";
import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/700.css";
import "./globals.css";
import { getLanguage } from "@/lib/i18n/server";

export const metadata: Metadata = {
  title: { default: "Urgent Letters", template: "%s · Urgent Letters" },
  description: "Write to the officials who can act for a human rights defender at risk.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const language = await getLanguage();
  return (
    <html lang={language}>
      <body>{children}</body>
    </html>
  );
}
