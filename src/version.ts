// Filled in from package.json by the build (esbuild `define`) and by vitest's config.
declare const __POSTBOARD_VERSION__: string;
export const VERSION: string = typeof __POSTBOARD_VERSION__ === 'string' ? __POSTBOARD_VERSION__ : '0.0.0-dev';
