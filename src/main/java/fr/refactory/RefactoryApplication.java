package fr.refactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RefactoryApplication {

	public static void main(String[] args) {
		SpringApplication.run(RefactoryApplication.class, args);
	}

}
