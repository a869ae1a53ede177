import type { Metadata } from "next";
import { headers } from "next/headers";
import { getCampaigner } from "@/lib/auth/get-campaigner";
import { capturedMailVisible } from "@/lib/env";
import { AdminNav } from "@/components/admin/admin-nav";
import { RelayBanner } from "./relay-banner";
import "./admin.css";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Urgent Letters" }, robots: { index: false } };

/**
 * The campaigners' workspace. This layout only draws the frame and the navigation: it does not guard anything. Every
 * page checks the session itself (lib/auth/require-campaigner.ts) and every handler too (lib/http/admin-route.ts).
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const campaigner = await getCampaigner(await headers());
  return (
    <div className="admin" lang="en">
      <a className="skip-link" href="#admin-main">
        Skip to content
      </a>
      <header className="admin-header">
        <a href="/admin" className="admin-brand">
          Urgent Letters <span>admin</span>
        </a>
        {campaigner ? <AdminNav role={campaigner.role} email={campaigner.email} mail={capturedMailVisible()} /> : null}
      </header>
      <main id="admin-main" className="admin-main" tabIndex={-1}>
        {campaigner ? <RelayBanner role={campaigner.role} /> : null}
        {children}
      </main>
    </div>
  );
}
