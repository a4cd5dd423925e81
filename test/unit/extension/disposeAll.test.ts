// Disposing what an owner holds: the last first, and one failure does not leak the rest (at
// deactivation, a throwing subscription once would have kept the engine from stopping).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Disposable } from '../../../src/extension/disposable';
import { disposeAll } from '../../../src/extension/disposeAll';

function recorder(order: string[], name: string, failure?: Error) {
  return {
    dispose() {
      order.push(name);
      if (failure) throw failure;
    },
  };
}

class Owner extends Disposable {
  hold<T extends { dispose(): void }>(resource: T): T {
    return this.register(resource);
  }
}

void describe('disposeAll', () => {
  void it('disposes the last first and returns nothing when all went well', () => {
    const order: string[] = [];
    const errors = disposeAll([recorder(order, 'a'), recorder(order, 'b'), recorder(order, 'c')]);
    assert.deepEqual(order, ['c', 'b', 'a']);
    assert.deepEqual(errors, []);
  });

  void it('goes on past one that throws and returns its error', () => {
    const order: string[] = [];
    const failure = new Error('webview already gone');
    const errors = disposeAll([
      recorder(order, 'engine'),
      recorder(order, 'panel', failure),
      recorder(order, 'view'),
    ]);
    assert.deepEqual(order, ['view', 'panel', 'engine']);
    assert.deepEqual(errors, [failure]);
  });
});

void describe('Disposable', () => {
  void it('disposes every resource even if one throws, then throws that error', () => {
    const order: string[] = [];
    const owner = new Owner();
    const failure = new Error('boom');
    owner.hold(recorder(order, 'first'));
    owner.hold(recorder(order, 'second', failure));
    owner.hold(recorder(order, 'third'));
    assert.throws(() => owner.dispose(), failure);
    assert.deepEqual(order, ['third', 'second', 'first']);
    // Disposed once: a second call does nothing.
    owner.dispose();
    assert.deepEqual(order, ['third', 'second', 'first']);
  });

  void it('throws all errors together when several fail', () => {
    const owner = new Owner();
    owner.hold(recorder([], 'a', new Error('one')));
    owner.hold(recorder([], 'b', new Error('two')));
    assert.throws(
      () => owner.dispose(),
      (error: unknown) =>
        error instanceof AggregateError && error.errors.map((e: Error) => e.message).join(',') === 'two,one',
    );
  });
});
