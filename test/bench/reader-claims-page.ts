/** The reader-claims bench's page script: reader-claims.bench.ts bundles it and calls it in Chromium. */
import { runStoreBench } from './reader-claims-store';

(globalThis as { runStoreBench?: typeof runStoreBench }).runStoreBench = runStoreBench;
