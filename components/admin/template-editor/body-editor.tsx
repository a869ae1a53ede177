"use client";
import { EditorState, StateEffect, StateField, RangeSetBuilder } from "@codemirror/state";
import { Decoration, highlightActiveLine, lineNumbers, type DecorationSet } from "@codemirror/view";
import { EditorView, minimalSetup } from "codemirror";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";

/** What the editor lets its parent do: insert text at the cursor (the placeholder palette). */
export type TBodyEditorHandle = { insert(text: string): void; focus(): void };

const setProblemLines = StateEffect.define<number[]>();
const problemLine = Decoration.line({ class: "cm-problem-line" });

/** Lines with a placeholder problem are marked in the editor itself, beside the list that names them. */
const problemLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setProblemLines)) {
        const builder = new RangeSetBuilder<Decoration>();
        for (const n of [...new Set(effect.value)].sort((a, b) => a - b)) {
          if (n >= 1 && n <= tr.state.doc.lines) {
            const line = tr.state.doc.line(n);
            builder.add(line.from, line.from, problemLine);
          }
        }
        return builder.finish();
      }
    }
    return value.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

/**
 * The template body in CodeMirror 6, with line numbers. Tab is not bound (no indentWithTab): Tab and Shift+Tab move
 * the focus on, so a keyboard user is never trapped in the editor. Loaded only by the admin's editor page.
 */
export const BodyEditor = forwardRef<
  TBodyEditorHandle,
  {
    value: string;
    onChange(value: string): void;
    readOnly: boolean;
    labelledBy: string;
    describedBy?: string;
    problemLines: number[];
    /** The page's CSP nonce: CodeMirror puts its styles in a <style> element, which the policy only runs with it. */
    nonce?: string;
  }
>(function BodyEditor({ value, onChange, readOnly, labelledBy, describedBy, problemLines: lines, nonce }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          // Undo, the selection and the default keys; no Tab binding among them.
          minimalSetup,
          EditorView.cspNonce.of(nonce ?? ""),
          lineNumbers(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          problemLines,
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of({
            "aria-labelledby": labelledBy,
            ...(describedBy ? { "aria-describedby": describedBy } : {}),
            "aria-multiline": "true",
            // Focusable in the tab order whether editable or read-only (read-only, CodeMirror's content is not), so a
            // keyboard user reaches and scrolls a long letter; axe counts a contenteditable without it as unreachable.
            tabindex: "0",
            "data-testid": "template-body",
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is made once; later values come from typing (or a restore, handled below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value set from outside (the parent resets the doc) replaces the text; typing does not come back here.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: setProblemLines.of(lines) });
  }, [lines]);

  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const editor = view.current;
      if (!editor || readOnly) return;
      const { from, to } = editor.state.selection.main;
      editor.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length }, scrollIntoView: true });
      editor.focus();
    },
    focus: () => view.current?.focus(),
  }));

  return <div ref={host} className="template-body" />;
});
