"use client";
import { useState } from "react";

/**
 * A list of short texts (demands, address lines, sources) edited as a textarea, one item a line. It keeps its own
 * text while typing so a blank line being written is not swallowed, and hands the list of non-empty lines on.
 */
export function LinesInput({
  value,
  onChange,
  onBlur,
  rows = 3,
  ...props
}: Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> & { value: string[] | undefined; onChange: (lines: string[]) => void }) {
  const joined = (value ?? []).join("\n");
  const [text, setText] = useState(joined);
  const [seen, setSeen] = useState(joined);
  // A change from outside (a reset, a restored value) replaces the text; the user's own edits, which give the same
  // list back, leave what they are typing alone (React's "adjust state when a prop changes" pattern).
  if (joined !== seen) {
    setSeen(joined);
    if (text.split("\n").map((l) => l.trim()).filter(Boolean).join("\n") !== joined) setText(joined);
  }
  return (
    <textarea
      {...props}
      rows={rows}
      value={text}
      onBlur={onBlur}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.split("\n").map((l) => l.trim()).filter(Boolean));
      }}
    />
  );
}
