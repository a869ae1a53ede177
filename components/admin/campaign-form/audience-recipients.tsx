"use client";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { errorAt } from "../content-form/form-errors";
import type { TForm } from "../content-form/localized-input";

export type TDirectoryOption = { id: string; label: string };

/**
 * An audience's recipients, in the order supporters see them, each preselected or not, picked from the directory.
 * A file without `preselected` means everyone is; the first change here writes the list out.
 */
export function AudienceRecipients({ form, index, directory, disabled }: { form: TForm; index: number; directory: TDirectoryOption[]; disabled?: boolean }) {
  const base = `campaign.audiences.${index}`;
  const [watchedIds, preselected] = useWatch({ control: form.control, name: [`${base}.recipients`, `${base}.preselected`] }) as [string[] | undefined, string[] | undefined];
  const ids = watchedIds ?? [];
  const [adding, setAdding] = useState("");
  const errors = form.formState.errors;
  const labelOf = (id: string) => directory.find((d) => d.id === id)?.label ?? id;
  const isPreselected = (id: string) => (preselected ? preselected.includes(id) : true);
  const set = (next: string[], nextPreselected: string[] | undefined) => {
    form.setValue(`${base}.recipients`, next, { shouldDirty: true });
    form.setValue(`${base}.preselected`, nextPreselected?.filter((p) => next.includes(p)), { shouldDirty: true });
  };
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    set(next, preselected);
  };
  const available = directory.filter((d) => !ids.includes(d.id));
  return (
    <div className="audience-recipients" role="group" aria-label={`Recipients of audience ${index + 1}`}>
      <h4>Recipients</h4>
      {errorAt(errors, `${base}.recipients`) ? (
        <p className="field__error" role="alert">
          {errorAt(errors, `${base}.recipients`)}
        </p>
      ) : null}
      <ol className="recipient-order">
        {ids.map((id, j) => {
          const error = errorAt(errors, `${base}.recipients.${j}`) ?? errorAt(errors, `${base}.preselected.${preselected?.indexOf(id) ?? -1}`);
          return (
            <li key={id} data-recipient-id={id}>
              <label>
                <input
                  type="checkbox"
                  checked={isPreselected(id)}
                  disabled={disabled}
                  onChange={(e) => set(ids, e.target.checked ? [...(preselected ?? ids), id] : (preselected ?? ids).filter((p) => p !== id))}
                />{" "}
                Preselected: <strong>{labelOf(id)}</strong> <code>{id}</code>
              </label>
              <span className="admin-row">
                <button type="button" className="button button--quiet" disabled={disabled || j === 0} onClick={() => move(j, j - 1)}>
                  Up<span className="visually-hidden"> {id}</span>
                </button>
                <button type="button" className="button button--quiet" disabled={disabled || j === ids.length - 1} onClick={() => move(j, j + 1)}>
                  Down<span className="visually-hidden"> {id}</span>
                </button>
                <button type="button" className="button button--quiet" disabled={disabled} onClick={() => set(ids.filter((x) => x !== id), preselected)}>
                  Remove<span className="visually-hidden"> {id}</span>
                </button>
              </span>
              {error ? (
                <p className="field__error" role="alert">
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="admin-row">
        <div className="field">
          <label htmlFor={`add-recipient-${index}`}>Add a recipient from the directory</label>
          <select id={`add-recipient-${index}`} value={adding} disabled={disabled} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose…</option>
            {available.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label} ({d.id})
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--quiet"
          disabled={disabled || !adding}
          onClick={() => {
            // Added at the end and not preselected: supporters choose to write to them.
            set([...ids, adding], preselected ?? [...ids]);
            setAdding("");
          }}
        >
          Add to this audience
        </button>
      </div>
    </div>
  );
}
