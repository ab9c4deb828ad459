/**
 * The shipped build with hidden source maps beside it (`npm run bench:browser -- --profile`): the
 * scripts are byte for byte the same (no map comment), and the maps name the profile's functions.
 */
import { defineConfig } from 'wxt';
import shipped from '../../../wxt.config';

export default defineConfig({
  ...shipped,
  vite: (env) => {
    const vite = typeof shipped.vite === 'function' ? shipped.vite(env) : {};
    return { ...vite, build: { ...(vite as { build?: object }).build, sourcemap: 'hidden' } };
  },
});
