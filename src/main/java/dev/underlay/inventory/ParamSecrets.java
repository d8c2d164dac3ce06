package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Seals and opens the values of secure params (AES-256-GCM under the data folder's secrets key, owner and param
 * as associated data; the implementation lives in {@code secrets}). The inventory never holds what {@link #open}
 * returns: its snapshot has {@link SecureParams#SEALED} in place of every secure value.
 */
public interface ParamSecrets {
    /** Encrypts {@code value} for {@code owner}'s {@code param}; may create the key file on the first secret. */
    SealedParam seal(ParamOwner owner, String param, JsonNode value);

    /** The real value; throws an unchecked exception with a sentence when the key is missing or the row damaged. */
    JsonNode open(SealedParam sealed);

    /** The same value bound to another owner (a machine rename): opened and sealed again. */
    default SealedParam reseal(SealedParam sealed, ParamOwner to) {
        return seal(to, sealed.param(), open(sealed));
    }
}
