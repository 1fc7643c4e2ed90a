// CSV writing and reading (PapaParse), loaded only by export and import.
export { parse as parseCsv, unparse } from 'papaparse';
