import { useId, type ReactNode } from "react";

/**
 * A labelled form control with its hint and its error message right below it. The control gets the ids it needs
 * (aria-describedby, aria-invalid) through the render prop, so any input, select or textarea fits.
 */
export function Field({
  label,
  hint,
  error,
  children,
  extra,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  extra?: ReactNode;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {extra}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
