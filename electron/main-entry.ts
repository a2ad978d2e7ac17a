import { app } from 'electron';
import { failStart, startElectron } from './main';

// Entry of the Electron bundle (dist/electron/main.cjs): single instance, then the hardened start.
if (!app.requestSingleInstanceLock()) app.quit();
else startElectron(process.argv.slice(1), __dirname).catch(failStart);
