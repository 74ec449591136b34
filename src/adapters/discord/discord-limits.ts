/**
 * Discord's documented payload limits, in one table. The adapter builds its
 * payloads within them and the test fake (tests/fakes/discord) refuses what
 * exceeds them, so both read the same numbers. Lengths are counted in
 * characters as Discord counts them (UTF-16 code units are never larger than
 * what Discord counts, so checking `.length` is the safe side).
 */

/**
 * Messages. https://discord.com/developers/docs/resources/message#create-message
 * ("content: Message contents (up to 2000 characters)", "embeds: Up to 10",
 * "components: Up to 5 action rows", "sticker_ids: Up to 3", attachments up to 10 files).
 */
export const DISCORD_MESSAGE = {
  content: 2000,
  embeds: 10,
  actionRows: 5,
  attachments: 10,
  /** `nonce`: "up to 25 characters" when a string. */
  nonce: 25,
  /**
   * `enforce_nonce`: "If true and nonce is present, it will be checked for
   * uniqueness in the past few minutes. If another message was created by the
   * same author with the same nonce, that message will be returned and no new
   * message will be created." Discord does not say how many minutes: two is
   * the least "a few" can mean, and the fake forgets a nonce after that.
   */
  nonceWindowMs: 2 * 60_000,
} as const;

/**
 * Embeds. https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
export const DISCORD_EMBED = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer and author over all embeds of a message. */
  total: 6000,
} as const;

/**
 * Components. https://discord.com/developers/docs/components/reference
 * (action row: "up to 5 buttons" or one select; button label "max 80 characters";
 * `custom_id` "1 to 100 characters"; string select: "options: max 25",
 * "placeholder: max 150 characters", option label/value/description "max 100 characters",
 * min_values 0-25, max_values 1-25; text input: label "max 45 characters",
 * value/max_length "max 4000", placeholder "max 100 characters";
 * label component: label "max 45 characters", description "max 100 characters").
 */
export const DISCORD_COMPONENT = {
  customId: 100,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectPlaceholder: 150,
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  textInputLabel: 45,
  textInputValue: 4000,
  textInputPlaceholder: 100,
  labelLabel: 45,
  labelDescription: 100,
} as const;

/**
 * Modals. https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal
 * ("title: max 45 characters", "components: between 1 and 5").
 */
export const DISCORD_MODAL = {
  title: 45,
  components: 5,
} as const;

/**
 * Interactions. https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
 * ("you must send an initial response within 3 seconds", tokens "valid for 15 minutes").
 */
export const DISCORD_INTERACTION = {
  initialResponseMs: 3000,
  tokenValidMs: 15 * 60 * 1000,
} as const;

/**
 * Uploads. https://discord.com/developers/docs/reference#uploading-files
 * ("The default upload limit is 10 MiB"; larger requests answer 413 with code 40005).
 */
export const DISCORD_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Files of one message: the upload limit less room for the multipart envelope and the message's JSON. */
export const DISCORD_ATTACHMENT_BYTES = DISCORD_UPLOAD_BYTES - 64 * 1024;

/**
 * JSON error codes. https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
 */
export const DISCORD_ERROR = {
  unknownChannel: 10003,
  unknownMessage: 10008,
  unknownWebhook: 10015,
  unknownUser: 10013,
  unknownInteraction: 10062,
  cannotSendToUser: 50007,
  invalidFormBody: 50035,
  requestEntityTooLarge: 40005,
  alreadyAcknowledged: 40060,
} as const;
