/**
 * The preview round id: a member answering a preview answers the draft, so
 * the id must name it, and a real round id (never holding `:`) must not read
 * as a preview.
 */
import { describe, expect, it } from 'vitest';
import { previewedRound, previewRoundId } from '../../../src/core/app/authoring-api.ts';

describe('preview round ids', () => {
  it('GIVEN round 2024-1 THEN its preview id is preview:2024-1, and that id reads back as the round', () => {
    expect(previewRoundId('2024-1')).toBe('preview:2024-1');
    expect(previewedRound('preview:2024-1')).toBe('2024-1');
  });

  it('GIVEN a real round id, or one that only ends with the prefix THEN it is no preview', () => {
    expect(previewedRound('2024-1')).toBeNull();
    expect(previewedRound('2024-1preview:')).toBeNull();
  });
});
