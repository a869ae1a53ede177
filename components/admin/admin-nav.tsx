import type { TCampaignerRole } from "@/lib/db/schema";
import { SignOutButton } from "./sign-out-button";

/** The admin's areas. Later releases fill Deliveries, Numbers and Partners; Mail shows only while mail is captured. */
export function AdminNav({ role, email, mail }: { role: TCampaignerRole; email: string; mail: boolean }) {
  const areas: [string, string][] = [
    ["/admin/campaigns", "Campaigns"],
    ["/admin/recipients", "Recipients"],
    ["/admin/deliveries", "Deliveries"],
    ["/admin/numbers", "Numbers"],
    ["/admin/partners", "Partners"],
    ["/admin/campaigners", "Campaigners"],
    ...(mail ? ([["/admin/mail", "Mail"]] as [string, string][]) : []),
  ];
  return (
    <>
      <nav aria-label="Admin" className="admin-nav">
        <ul>
          {areas.map(([href, label]) => (
            <li key={href}>
              <a href={href}>{label}</a>
            </li>
          ))}
          {role === "owner" ? (
            <li>
              <a href="/admin/audit">Audit log</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="admin-account">
        <a href="/admin/account">{email}</a> <span className="admin-role">({role})</span> <SignOutButton />
      </div>
    </>
  );
}
