import type * as vscode from 'vscode';
import { disposeAll } from './disposeAll';

/** Base for objects that own resources: everything passed to `register` is disposed with the owner. */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected register<T extends vscode.Disposable>(resource: T): T {
    if (this.disposed) resource.dispose();
    else this.owned.push(resource);
    return resource;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Every resource is disposed even if one throws; then the failure is not swallowed.
    const errors = disposeAll(this.owned.splice(0));
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} resources failed to dispose`);
  }
}
