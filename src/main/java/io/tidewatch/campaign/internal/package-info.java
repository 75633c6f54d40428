/** Campaign internals: SQL over the campaign tables and the control-schema rid index and mail work, JSON writing. */
package io.tidewatch.campaign.internal;
