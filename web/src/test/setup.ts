import { configure } from '@testing-library/react';
import { installModules } from '../app/installedModules.ts';
import { webModules } from '../modules/index.ts';

// As web/src/main.tsx does before the first render.
installModules(webModules);

/**
 * findBy* waits 1 s by default. CI runs the web tests beside both database projects on two cores, where a
 * first render of the whole shell can take longer; 5 s keeps the tests about behaviour, not machine load.
 */
configure({ asyncUtilTimeout: 5000 });
