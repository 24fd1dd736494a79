/** Text files imported as strings (webpack asset/source; tests/support/textTransform.js in Jest). */
declare module "*.txt" {
  const content: string;
  export default content;
}
