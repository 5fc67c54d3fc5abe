/*
 * Copyright 2026 The DynamoDB Config Source Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.dynamodbconfig.webapp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's settings, injected with {@code @ConfigProperty} as any MicroProfile application
 * does: this application knows nothing of DynamoDB.
 */
@Path("/settings")
@RequestScoped
public class SettingsResource {

  @Inject
  @ConfigProperty(name = "db_host")
  String dbHost;

  @Inject
  @ConfigProperty(name = "db_port")
  int dbPort;

  @Inject
  @ConfigProperty(name = "db_name")
  String dbName;

  @Inject
  @ConfigProperty(name = "db_user")
  String dbUser;

  @Inject
  @ConfigProperty(name = "db_pass")
  String dbPass;

  @Inject
  @ConfigProperty(name = "debug", defaultValue = "false")
  boolean debug;

  @Inject
  @ConfigProperty(name = "greeting")
  String greeting;

  @Inject Config config;

  /** One {@code name=value} line per setting; the password only says whether it is set. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String settings() {
    return "db_host="
        + dbHost
        + "\ndb_port="
        + dbPort
        + "\ndb_name="
        + dbName
        + "\ndb_user="
        + dbUser
        + "\ndb_pass="
        + (dbPass.isEmpty() ? "not set" : "set")
        + "\ndebug="
        + debug
        + "\ngreeting="
        + greeting
        + "\n";
  }

  /** Where a setting comes from: {@code <source name> (ordinal <n>)}; never its value. */
  @GET
  @Path("/{name}/source")
  @Produces(MediaType.TEXT_PLAIN)
  public String source(@PathParam("name") String name) {
    ConfigValue value = config.getConfigValue(name);
    return value.getSourceName() + " (ordinal " + value.getSourceOrdinal() + ")\n";
  }
}
