import { stat } from 'node:fs/promises';

/**
 * Whether `output` names the regular file `input` names: same device and inode after every
 * symlink, so a link, a hard link or another spelling of the path counts. False when either does
 * not exist, or the output is not a regular file (a device or a FIFO is not overwritten).
 */
export async function sameRegularFile(output: string, input: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(output).catch(() => undefined), stat(input).catch(() => undefined)]);
  return a !== undefined && b !== undefined && a.isFile() && a.dev === b.dev && a.ino === b.ino;
}
