// Loaded only when colour is on, so a pipe never pays for it.
export { Chalk } from 'chalk';
