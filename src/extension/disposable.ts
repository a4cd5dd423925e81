import type * as vscode from 'vscode';

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
    // Last registered first: later resources may depend on earlier ones.
    for (const resource of this.owned.splice(0).reverse()) resource.dispose();
  }
}
