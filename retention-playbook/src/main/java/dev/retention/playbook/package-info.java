/**
 * The playbook: {@link dev.retention.playbook.CustomerStates} turns RFM and lifetime models into
 * {@link dev.retention.playbook.CustomerState}s, {@link dev.retention.playbook.Actions} declares what can be done
 * (the conservative defaults or an action file), and {@link dev.retention.playbook.Playbook#plan} chooses whom to
 * contact with what.
 */
package dev.retention.playbook;
