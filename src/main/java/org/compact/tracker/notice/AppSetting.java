package org.compact.tracker.notice;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A value the service generated for itself and must keep across restarts. */
@MappedEntity("app_setting")
record AppSetting(@Id String name, String settingValue) {
}
