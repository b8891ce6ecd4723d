/**
 * A file name without folders and extension (`configs/fsgdm.yaml` → `fsgdm`): the name of a schedule
 * without `name`, and of the files the page and `explore` write. '' for a label that is all extension.
 */
export function labelStem(label: string): string {
  return label.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}
