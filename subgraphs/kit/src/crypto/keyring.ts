import type { KeyObject } from 'node:crypto';

/**
 * The key-encryption keys a process holds: the active one seals, every one opens. Keys are Node
 * `KeyObject`s, so logging or inspecting a keyring shows sizes, never key bytes.
 */
export interface Keyring {
  /** The id stored beside every value sealed now. */
  readonly activeKeyId: string;
  /** Every key that may open a value, by id, the active one included. */
  readonly keys: ReadonlyMap<string, KeyObject>;
}

/** AES-256 keys are 32 bytes. */
export const MASTER_KEY_BYTES = 32;

/**
 * A key id is stored beside each ciphertext and written in `<keyId>:<base64>` specs, so it stays short
 * and free of `:` and `,`. Date-like ids (`k2026-11`) make the rotation order obvious.
 */
export const KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
