// Wicked Good XPath ships no types: install() puts its document.evaluate (XPath 1.0 with namespace prefixes) on a window; `force`
// replaces the one the window has.
declare module "wicked-good-xpath" {
  const wgxpath: { install(window: object, force?: boolean): void };
  export default wgxpath;
}
