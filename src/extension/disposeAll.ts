/**
 * Disposes each resource, the last first (later ones may depend on earlier ones). One that throws
 * does not keep the rest from being disposed: its error is returned for the caller to report.
 */
export function disposeAll(resources: readonly { dispose(): unknown }[]): unknown[] {
  const errors: unknown[] = [];
  for (let index = resources.length - 1; index >= 0; index--) {
    try {
      resources[index].dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  return errors;
}
