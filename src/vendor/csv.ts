// CSV writing and reading, loaded only by export and import.
export { stringify } from 'csv-stringify';
export { parse as parseCsv } from 'csv-parse';
