import type { TPartnerListRow } from "@/lib/partners/list-partners";

/**
 * The admin's numbers, by partner: the letters of the actions attributed to each (sent through its embed or with its
 * API key), and those that came through no partner (the site itself).
 */
export function LettersPerPartner({ partners, direct }: { partners: TPartnerListRow[]; direct: number }) {
  return (
    <section aria-labelledby="per-partner">
      <h2 id="per-partner">Letters per partner</h2>
      <table className="admin-table" data-testid="letters-per-partner">
        <thead>
          <tr>
            <th scope="col">Through</th>
            <th scope="col">Letters</th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <tr key={p.code} data-partner-code={p.code}>
              <td>
                <a href={`/admin/partners/${p.code}`}>{p.name}</a>
              </td>
              <td>{p.letters}</td>
            </tr>
          ))}
          <tr>
            <td>No partner (this site)</td>
            <td>{direct}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
