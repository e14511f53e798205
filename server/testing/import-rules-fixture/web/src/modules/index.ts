export { alphaPage as modulePages } from './alpha/alpha-page.ts';
