// The part of citation-js the tests use: reading RIS, BibTeX or CSL-JSON into CSL-JSON items, and formatting them (it ships no types).
declare module "@citation-js/core" {
  export class Cite {
    static async(input: string): Promise<Cite>;
    /** The items read, as CSL-JSON. */
    data: unknown[];
    format(format: "bibliography", options: { format: "text"; template: string }): string;
  }
}
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-csl";
