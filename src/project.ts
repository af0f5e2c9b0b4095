// Where the project is on disk: the folder with package.json, templates/, public/ and the bundled archive, found from this file's place.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
