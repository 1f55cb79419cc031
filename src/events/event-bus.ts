import { EventEmitter } from 'node:events';

/**
 * A typed publish/subscribe bus. Domains publish `namespace:verb` events; logging,
 * metrics, the live dashboard feed and tests subscribe. A throwing listener is
 * reported through `onListenerError` and never breaks the publisher.
 */
export class EventBus<Events extends { [K in keyof Events]: unknown }> {
  private readonly emitter = new EventEmitter();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {
    this.emitter.setMaxListeners(0);
  }

  on<K extends keyof Events & string>(name: K, listener: (payload: Events[K]) => void): () => void {
    const wrapped = (payload: Events[K]) => {
      try {
        listener(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    };
    this.emitter.on(name, wrapped);
    return () => this.emitter.off(name, wrapped);
  }

  emit<K extends keyof Events & string>(name: K, payload: Events[K]): void {
    this.emitter.emit(name, payload);
  }

  /** Resolves with the next event of that name that satisfies `match`. */
  next<K extends keyof Events & string>(name: K, match: (payload: Events[K]) => boolean = () => true): Promise<Events[K]> {
    return new Promise((resolve) => {
      const off = this.on(name, (payload) => {
        if (!match(payload)) return;
        off();
        resolve(payload);
      });
    });
  }
}
