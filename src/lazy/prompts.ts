// The prompt library (~100 ms to load unbundled), loaded only when a command asks questions.
export { confirm, editor, input, search, select } from '@inquirer/prompts';
export { createPrompt, isEnterKey, makeTheme, useEffect, usePrefix, useKeypress, useState } from '@inquirer/core';
