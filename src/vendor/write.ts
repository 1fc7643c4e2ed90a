// The write path's libraries, loaded only by commands that change the board.
export { lock } from 'proper-lockfile';
export { default as writeFileAtomic } from 'write-file-atomic';
