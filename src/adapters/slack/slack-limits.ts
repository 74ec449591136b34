/**
 * Slack's documented limits, in one table. The adapter builds its payloads
 * within them and the test fake (tests/fakes/slack) refuses what exceeds
 * them, so both read the same numbers.
 */

/**
 * Messages. https://docs.slack.dev/reference/methods/chat.postMessage
 * ("blocks: … up to 50 blocks"; `text` is truncated beyond 40,000 characters and
 * Slack advises keeping it under 4,000; jamun keeps a message comfortably readable).
 */
export const SLACK_MESSAGE = {
  blocks: 50,
  /** Hard ceiling of `text` (Slack truncates beyond it). */
  text: 40_000,
  /** What one message of jamun carries: Slack collapses very long messages (≈ 13k chars rendered). */
  comfortable: 12_000,
} as const;

/**
 * Blocks. https://docs.slack.dev/reference/block-kit/blocks
 * section: text "maximum length … 3000 characters", fields "maximum number … 10",
 * each field "maximum length … 2000"; header: text "maximum length … 150";
 * context: "maximum number of items is 10", each a text object (text object: "maximum
 * length … 3000 characters", https://docs.slack.dev/reference/block-kit/composition-objects/text-object);
 * actions: "maximum … 25 elements";
 * input: label "maximum length … 2000", hint "maximum length … 2000";
 * `block_id`: "maximum length … 255".
 */
export const SLACK_BLOCK = {
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  inputLabel: 2000,
  inputHint: 2000,
  blockId: 255,
} as const;

/**
 * Block elements and composition objects. https://docs.slack.dev/reference/block-kit/block-elements
 * button: text "maximum length … 75", value "maximum length … 2000"; `action_id` "maximum
 * length … 255"; static select: options "maximum number … 100", placeholder "maximum length … 150";
 * radio buttons and checkboxes: options "maximum number … 10"; plain-text input:
 * max_length "maximum … 3000", placeholder 150. Option object
 * (https://docs.slack.dev/reference/block-kit/composition-objects/option-object):
 * text "maximum length … 75", value "maximum length … 150".
 */
export const SLACK_ELEMENT = {
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  staticSelectOptions: 100,
  radioOptions: 10,
  checkboxOptions: 10,
  placeholder: 150,
  inputValue: 3000,
  optionText: 75,
  optionValue: 150,
  /** file_input: "max_files … Minimum of 1, maximum of 10" (https://docs.slack.dev/reference/block-kit/block-elements/file-input-element). */
  fileInputMaxFiles: 10,
} as const;

/**
 * Modals. https://docs.slack.dev/reference/views/modal-views (view object)
 * title "maximum length … 24", submit and close "maximum length … 24",
 * blocks "maximum … 100", private_metadata "maximum length … 3000",
 * callback_id "maximum length … 255".
 * https://docs.slack.dev/surfaces/modals: a `trigger_id` "expires in 3 seconds" and
 * can be used once; a view stack holds at most 3 views.
 */
export const SLACK_VIEW = {
  title: 24,
  button: 24,
  blocks: 100,
  privateMetadata: 3000,
  callbackId: 255,
  triggerValidMs: 3000,
  stack: 3,
} as const;

/**
 * Interactivity. https://docs.slack.dev/interactivity/handling-user-interaction
 * ("must send an acknowledgment response … within 3 seconds"; a `response_url`
 * "can be used up to 5 times within 30 minutes").
 */
export const SLACK_INTERACTION = {
  ackMs: 3000,
  responseUrlUses: 5,
  responseUrlValidMs: 30 * 60 * 1000,
} as const;

/**
 * Files. Slack takes uploads of up to 1 GB per file (a workspace may restrict
 * large uploads: `files.getUploadURLExternal` then answers
 * `file_upload_size_restricted`). https://docs.slack.dev/reference/methods/files.getUploadURLExternal
 */
export const SLACK_FILE = {
  maxBytes: 1_000_000_000,
  /**
   * What a person can attach through a modal's `file_input`: "There is a 10MB
   * file size limit" (https://docs.slack.dev/reference/block-kit/block-elements/file-input-element).
   */
  fileInputBytes: 10 * 1024 * 1024,
} as const;
