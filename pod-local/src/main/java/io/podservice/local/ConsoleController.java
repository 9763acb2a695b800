package io.podservice.local;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web console at {@code /console/}: its page, whose assets Spring serves from
 * {@code META-INF/resources/console} (console/build.sh). The page signs every API call itself, so
 * serving it needs no authentication of its own.
 */
@Controller
class ConsoleController {

    @GetMapping({"/console", "/console/"})
    String console() {
        return "forward:/console/index.html";
    }
}
