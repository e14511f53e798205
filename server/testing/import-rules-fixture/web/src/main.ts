// ✓ the web composition root names the module list and hands it to the shell
export { modulePages } from './modules/index.ts';
export { alphaPage as shellPage } from './app/shell.ts';
