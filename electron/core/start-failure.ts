/** Exit code of the Electron shell when better-sqlite3 cannot load: npm start then falls back to browser mode. */
export const NATIVE_MODULE_EXIT_CODE = 78;

/**
 * True when better-sqlite3's native binding was built for another ABI (Node's 115 under
 * Electron's 145, or the reverse) or is missing altogether.
 */
export function isNativeModuleMismatch(error: unknown): boolean {
  const detail = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|compiled against a different Node\.js version|Could not locate the bindings file|better_sqlite3\.node/i.test(detail);
}

/**
 * Why the host could not start, in words the chair can act on. The usual causes are the data
 * folder (read-only, no permission, full disk) and the tablet port taken by another program;
 * each gets what to do next. The technical message stays at the end for whoever helps.
 */
export function startFailureMessage(error: unknown, dataDir: string): string {
  const detail = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const text = `${code} ${detail}`;
  let advice: string;
  if (isNativeModuleMismatch(error)) {
    advice =
      `数据库组件（better-sqlite3）不是为这个程序的运行环境编译的。请用 npm start 启动（它会准备桌面版所需的组件，做不到时改用浏览器模式），或重新安装 Pingyi。\n` +
      `The database module was built for another runtime (Node vs Electron ABI): start with npm start, which prepares an Electron build of it or falls back to browser mode; or reinstall Pingyi.`;
  } else if (/SQLITE_READONLY|readonly database|EROFS|EACCES|EPERM|permission denied/i.test(text)) {
    advice =
      `数据文件夹不能写入：${dataDir}\n` +
      `请检查这个文件夹的权限（或它是否在只读的 U 盘、光盘上），或换一个可以写入的文件夹（浏览器模式：npm run host -- --data 文件夹）。\n` +
      `The data folder is not writable: check its permissions, or choose a writable folder with --data DIR.`;
  } else if (/SQLITE_FULL|ENOSPC|disk is full|database or disk is full/i.test(text)) {
    advice =
      `磁盘已满，无法写入数据文件夹：${dataDir}\n请先腾出磁盘空间，或用 --data 换到空间充足的磁盘。\n` +
      `The disk is full: free some space, or choose a folder on another disk with --data DIR.`;
  } else if (/EADDRINUSE/i.test(text)) {
    advice =
      `端口已被其他程序占用。请关闭另一个正在运行的 Pingyi，或用 --port 指定其他端口（例如 --port 8788）。\n` +
      `The port is in use: close the other Pingyi, or choose another port with --port N.`;
  } else {
    advice = `请把下面这行信息告诉技术人员。Please pass the line below to whoever supports you.`;
  }
  return `Pingyi 无法启动 (could not start).\n${advice}\n${detail}`;
}
