// Worker threads start without the test runner's TypeScript loader: register tsx, then load the device.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
