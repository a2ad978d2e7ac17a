import { app, dialog } from 'electron';
import { startElectron } from './main';

// Entry of the Electron bundle (dist/electron/main.cjs): single instance, then the hardened start.
if (!app.requestSingleInstanceLock()) app.quit();
else
  startElectron(process.argv.slice(1), __dirname).catch((err: unknown) => {
    // A refused database (DatabaseTooNewError) or any start failure: a clear message, then exit.
    console.error(err);
    dialog.showErrorBox('АРМ делопроизводителя', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
