package id.kypso.core.slip;

import id.kypso.core.identity.Nip;

/** The officer who served a citizen at one stage. */
public record StageOfficer(ServiceStage stage, Nip nip) {
}
