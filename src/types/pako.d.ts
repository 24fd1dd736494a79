/** pako's inflate half alone: 回收 in the browser counts what a return unzips to, never deflates. */
declare module "pako/lib/inflate" {
  export { Inflate } from "pako";
}
