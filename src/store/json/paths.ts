/** The board file's last state before the latest change, kept beside it (at its real path) for `undo`. */
export const backupPath = (realPath: string): string => `${realPath}.bak`;
