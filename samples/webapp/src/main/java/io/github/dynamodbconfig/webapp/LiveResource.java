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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What a change of the table does to the application's beans while it runs. */
@Path("/live")
@ApplicationScoped
public class LiveResource {

  @Inject LiveSettings live;

  @Inject StartupSettings startup;

  @Inject ChangeLog changeLog;

  /**
   * The database name of a refresh-scoped bean, how many of its instances were closed, the database
   * name of an application-scoped bean, then each change observed.
   */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String live() {
    StringBuilder text =
        new StringBuilder()
            .append("refresh-scoped db_name=")
            .append(live.dbName())
            .append("\nrefresh-scoped instances closed=")
            .append(LiveSettings.closed())
            .append("\napplication-scoped db_name=")
            .append(startup.dbName())
            .append('\n');
    changeLog.changes().forEach(change -> text.append("changed ").append(change).append('\n'));
    return text.toString();
  }
}
