/**
 * What a PDF thread starts from (pdf-threads.ts, lib/http/render-pdf-off-thread.ts). The project is ES modules, and
 * a worker thread does not inherit the TypeScript loader of the process that starts it (`--import tsx` in a thread's
 * execArgv is not applied to its imports on Node 20), so the thread registers tsx itself, then loads the renderer.
 * No `--conditions=react-server` reaches the thread: react-pdf needs React's client build.
 */
import { register } from "tsx/esm/api";

register();
const { default: render } = await import("./pdf-thread.ts");

export default render;
