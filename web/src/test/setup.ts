import { configure } from '@testing-library/react';

/**
 * findBy* waits 1 s by default. CI runs the web tests beside both database projects on two cores, where a
 * first render of the whole shell can take longer; 5 s keeps the tests about behaviour, not machine load.
 */
configure({ asyncUtilTimeout: 5000 });
